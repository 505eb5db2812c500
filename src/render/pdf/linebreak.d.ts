// The `linebreak` package (UAX #14) ships no types; this is the part of its API we use.
declare module 'linebreak' {
  interface Break {
    /** index in the string where the next line may start */
    position: number;
    /** a mandatory break (a line feed, paragraph separator …) */
    required: boolean;
  }
  class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
  export = LineBreaker;
}
