/**
 * @cantoo/fontkit (the fontkit @cantoo/pdf-lib needs for subset embedding) is a "type": "module"
 * package with a CommonJS build. tsc (module node16, CommonJS output) refuses a static import of it,
 * so it is required here, typed from its own declarations.
 */
type FontkitModule = typeof import('@cantoo/fontkit', { with: { 'resolution-mode': 'require' } });
export type FontkitFont = import('@cantoo/fontkit', { with: { 'resolution-mode': 'require' } }).Font;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const fontkit = require('@cantoo/fontkit') as FontkitModule;
