/** Pure Vietnamese language helpers (no Nest, no TypeORM): NFC, ND30 numbers and dates, figures, words. */
export * from './nfc';
export * from './doc-number';
export * from './nd30-date';
export * from './vi-number';
export * from './money-words';
export * from './text-case';
