/**
 * Puts text on the clipboard: the Clipboard API when the frame may use it, else a hidden
 * textarea and the browser's copy command (Zendesk's app frame may not grant clipboard-write).
 * Resolves false when neither worked, so that the agent is told to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      // The old command is the only way left when the Clipboard API is refused.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
