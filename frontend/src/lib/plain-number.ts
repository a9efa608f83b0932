/*
 * What a number field accepts (order entry, the completion forms, and any other clinical number). Never a guess:
 * "1,000" may be 1000 (a thousands separator) or 1.0 (a decimal comma), "1,5" may be 1.5 or 15, so such text is
 * refused and the user types 1000 or 1.5. Only plain decimals pass: digits, optionally a point and more digits,
 * optionally a leading minus; no separators, spaces inside, exponent, hexadecimal or plus sign.
 */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Digits with separators, signs or stray points: "1,000", "1 000", "1.000.000", "+5", ".5", "5.". */
const NUMBER_LIKE = /^[-+]?[\d.,\s]*\d[\d.,\s]*$/;

/** The number in a plain decimal (surrounding spaces ignored); undefined for anything else. */
export function plainDecimal(raw: string): number | undefined {
  const text = raw.trim();
  return PLAIN_DECIMAL.test(text) ? Number(text) : undefined;
}

/**
 * Whether the text is meant as a number but is not a plain one ("1,000", "1,5", "1 000", "+5"): the field asks
 * for the number without separators rather than saying "not a number".
 */
export function separatedNumber(raw: string): boolean {
  const text = raw.trim();
  return !PLAIN_DECIMAL.test(text) && NUMBER_LIKE.test(text);
}
