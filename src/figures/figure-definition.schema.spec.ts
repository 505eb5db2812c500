import { figureDefinitionSchema } from './figure-definition.schema';

describe('figureDefinitionSchema: beneficiary lists', () => {
  it.each([
    ['a count of a list', { count: 'members', where: { list: 'ds-2026' } }],
    ['a budget of a list with its annex columns', { budget: { policy: 'p', where: { period: '2026-2030', list: 'ds' }, from: '2026-07', to: '2026-12', show: { birth: 'date', note: true, categoryLabels: { nghèo: 'Hộ nghèo' } } } }],
    ['a budget showing the birth year only', { budget: { policy: 'p', from: '2026-07', to: '2026-12', show: { birth: 'year' } } }],
  ])('accepts %s', (_, def) => {
    expect(figureDefinitionSchema.safeParse(def).success).toBe(true);
  });

  it.each([
    ['an empty list code', { count: 'members', where: { list: '' } }],
    ['an unknown show option', { budget: { policy: 'p', from: '2026-07', to: '2026-12', show: { phone: true } } }],
    ['a birth column of another kind', { budget: { policy: 'p', from: '2026-07', to: '2026-12', show: { birth: 'full' } } }],
    ['an empty category label', { budget: { policy: 'p', from: '2026-07', to: '2026-12', show: { categoryLabels: { nghèo: '' } } } }],
  ])('rejects %s', (_, def) => {
    expect(figureDefinitionSchema.safeParse(def).success).toBe(false);
  });
});
