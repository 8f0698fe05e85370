// Saving a file the page made: a Blob behind an object URL and a temporary <a download>. Nothing goes
// over the network.

export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; the next task is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(text: string, fileName: string, type: string, doc: Document = document): void {
  downloadBlob(new Blob([text], { type }), fileName, doc);
}

/** `regularization-lab-<what>-YYYYMMDD-HHMM.<ext>` in local time, so files sort by when they were made. */
export function exportFileName(what: string, ext: string, now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `regularization-lab-${what}-${stamp}.${ext}`;
}
