/**
 * Shares of whole counts, by the largest remainder: the parts always add up to
 * the original exactly (a rounded share of 7 adults by 50/50 is 4 and 3, never
 * 4 and 4), so a split never creates or loses a person. Weights are integers
 * (hundredths of a percent, adults), so the arithmetic is exact.
 */

/** Splits `total` into parts proportional to `weights`; ties go to the earlier part. */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < 0) throw new Error(`largestRemainder: total must be a non-negative integer, got ${total}`);
  if (sum <= 0 || weights.some((weight) => !Number.isInteger(weight) || weight < 0)) throw new Error("largestRemainder: weights must be non-negative integers with a positive sum");
  // BigInt: total × weight can exceed 2^53 for national totals.
  const big = weights.map((weight) => BigInt(total) * BigInt(weight));
  const shares = big.map((product) => Number(product / BigInt(sum)));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = big.map((product, index) => ({ index, remainder: product % BigInt(sum) })).sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0) break;
    shares[index] += 1;
    left -= 1;
  }
  return shares;
}

/** Percent shares as hundredths (summing to 10,000) from the adults of each part. */
export function sharesFromAdults(adults: readonly number[]): number[] {
  return largestRemainder(10_000, adults);
}
