/** The Unicode line breaking algorithm (UAX #14): where a line may end. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
