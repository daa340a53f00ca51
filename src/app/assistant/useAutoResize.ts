import { useEffect } from 'react';
import type { ZendeskPort } from '../../zendesk/port';

/** The frame follows its content's height, as Zendesk's flexible sidebar expects. */
export function useAutoResize(port: ZendeskPort, ref: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(el.getBoundingClientRect().height) + 8;
      if (height !== last) {
        last = height;
        void port.invoke('resize', { width: '100%', height: `${String(height)}px` }).catch(() => undefined);
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [port, ref]);
}
