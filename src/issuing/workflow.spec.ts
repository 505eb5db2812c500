import { DomainError } from '../common/domain-error';
import type { DocumentStatus } from '../registry/records/record-set';
import {
  assertTransition,
  canTransition,
  isContentFrozen,
  isWorkflowState,
  transitionKind,
  WORKFLOW_STATES,
} from './workflow';

// Written out by hand from ND30 Đ14–18 (see workflow.ts); every pair not listed is illegal.
const LEGAL = new Set([
  'draft→submitted',
  'submitted→approved',
  'submitted→draft',
  'approved→signed',
  'signed→issued',
  'issued→replaced',
  'issued→corrected',
  'corrected→corrected',
  'corrected→replaced',
]);

const STATES: DocumentStatus[] = ['draft', 'submitted', 'approved', 'signed', 'issued', 'replaced', 'corrected'];
function captured(fn: () => void): DomainError | undefined {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  return undefined;
}

const PAIRS = STATES.flatMap((from) => STATES.map((to) => [from, to, LEGAL.has(`${from}→${to}`)] as const));

describe('workflow', () => {
  it('knows exactly the seven ND30 states', () => {
    expect([...WORKFLOW_STATES].sort()).toEqual([...STATES].sort());
    expect(isWorkflowState('issued')).toBe(true);
    expect(isWorkflowState('published')).toBe(false);
  });

  it('covers all 49 pairs: 9 legal, 40 illegal', () => {
    expect(PAIRS).toHaveLength(49);
    expect(PAIRS.filter(([, , legal]) => legal)).toHaveLength(LEGAL.size);
  });

  const legalPairs = PAIRS.filter(([, , legal]) => legal).map(([from, to]) => [from, to] as const);
  const illegalPairs = PAIRS.filter(([, , legal]) => !legal).map(([from, to]) => [from, to] as const);

  it.each(legalPairs)('%s → %s is legal', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(illegalPairs)('%s → %s is a 409 naming both states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const err = captured(() => assertTransition(from, to, 'kh-1'));
    expect(err).toBeInstanceOf(DomainError);
    expect(err?.code).toBe('workflow.illegal_transition');
    expect(err?.kind).toBe('conflict');
    expect(err?.message).toBe(`document kh-1: cannot go from "${from}" to "${to}"`);
    expect(err?.details.slice(0, 2)).toEqual([
      { path: 'from', message: from },
      { path: 'to', message: to },
    ]);
  });

  it.each([
    ['submitted', 'plain'],
    ['approved', 'plain'],
    ['signed', 'plain'],
    ['draft', 'plain'],
    ['issued', 'issue'],
    ['replaced', 'link'],
    ['corrected', 'link'],
  ] as const)('reaching %s is a %s transition', (to, kind) => {
    expect(transitionKind(to)).toBe(kind);
  });

  it('says where nothing follows: a replaced document is final', () => {
    expect(() => assertTransition('replaced', 'issued')).toThrow(
      expect.objectContaining({ details: expect.arrayContaining([{ path: 'allowed', message: '"replaced" is final', key: 'workflow.allowed' }]) }),
    );
  });

  it.each([
    ['draft', false],
    ['submitted', true],
    ['approved', true],
    ['signed', true],
    ['issued', true],
    ['replaced', true],
    ['corrected', true],
  ] as const)('content of a %s document frozen: %s', (status, frozen) => {
    expect(isContentFrozen(status)).toBe(frozen);
  });
});
