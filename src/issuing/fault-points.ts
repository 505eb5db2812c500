/**
 * Test-only crash points of the issue step. With `VANTHU_FAULT_AT=<point>` in its environment the
 * process kills itself with SIGKILL at that point — no finally blocks, no rollback by us, as a
 * power cut would — so that test/integration/issuing-faults.int-spec.ts can check what a restart
 * finds. Unset (always, outside that test) it does nothing.
 *
 *   number   — the number is taken and the document updated, nothing rendered yet
 *   file     — the file is written (pending, fsynced), no register entry yet
 *   register — the register entry is written, the transaction not yet committed
 *   commit   — committed, the file not yet moved to its final name
 */
export const FAULT_POINTS = ['number', 'file', 'register', 'commit'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export function faultPoint(point: FaultPoint): void {
  if (process.env.VANTHU_FAULT_AT === point) process.kill(process.pid, 'SIGKILL');
}
