// The result of an export action, read out politely. Always rendered, so assistive technology hears
// each change in a live region that already exists.
export type Status = { kind: 'ok' | 'error'; text: string } | null;

export function StatusLine({ status }: { status: Status }) {
  return (
    <p role="status" className={`export-status${status?.kind === 'error' ? ' export-status-error' : ''}`}>
      {status?.text ?? ''}
    </p>
  );
}
