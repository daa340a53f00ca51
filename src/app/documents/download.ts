/**
 * Saves a file the proxy made (base64 in JSON, as ZAF's client.request carries it) through a Blob
 * and a temporary link: the browser's own download, no request to any other host.
 */
export function base64Bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function saveFile(name: string, contentType: string, bytes: Uint8Array | string): void {
  const blob = new Blob([bytes as BlobPart], { type: contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has handed the Blob to the download.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
