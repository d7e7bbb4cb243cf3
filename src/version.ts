/** Replaced at build time with package.json's version. */
export const VERSION: string = '__VERSION__';
