import { Button } from '@zendeskgarden/react-buttons';
import { useState } from 'react';

/**
 * After a step's message went into the ticket or its action was applied: one button that ticks
 * the step. Nothing is ticked unless the agent presses it; once pressed, the offer goes.
 */
export function TickOffer({ label, onTick }: { readonly label: string; readonly onTick: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="buttons tick-offer">
      <Button
        size="small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onTick().finally(() => {
            setBusy(false);
          });
        }}
      >
        {label}
      </Button>
    </div>
  );
}
