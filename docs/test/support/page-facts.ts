/**
 * How many times `text` occurs in a page. Checks of the 2.6 MB page compare counts like this one,
 * so a failure prints a number and the name of what is missing, not the whole page.
 */
export const occurrences = (page: string, text: string): number => page.split(text).length - 1;
