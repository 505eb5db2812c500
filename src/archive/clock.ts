/** The time source of the register and the issue step; tests inject a fixed one. */
export type Clock = () => Date;

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = () => new Date();
