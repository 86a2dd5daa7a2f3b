// A quota's bounds in exact arithmetic. The configured share is a decimal (0.07); share × panel size
// in floating point is sometimes a hair above or below a whole number (0.07 × 100 = 7.000000000000001),
// which moved a bound by one seat. Here the share is read as the exact decimal it was written as
// (digits over a power of ten) and the product is a fraction of whole numbers.
//
// The rounding rule: the target is share × panel size, exactly; min = floor(target) - slack (not below 0),
// max = ceil(target) + slack (not above the panel size). A whole target gives target ± slack.

/** The shortest decimal that reads back as this number, as digits over a power of ten. */
export function decimalFraction(share: number): { numerator: bigint; denominator: bigint } {
  if (!Number.isFinite(share) || share < 0) throw new RangeError(`a share must be a number from 0 to 1, not ${share}`);
  const [mantissa, exponent] = share.toExponential().split('e') as [string, string];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  const digits = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? { numerator: digits * 10n ** BigInt(shift), denominator: 1n } : { numerator: digits, denominator: 10n ** BigInt(-shift) };
}

/** floor and ceil of share × size, exactly. */
export function targetSeats(share: number, size: number): { floor: number; ceil: number } {
  const { numerator, denominator } = decimalFraction(share);
  const product = numerator * BigInt(size);
  const floor = product / denominator;
  const ceil = product % denominator === 0n ? floor : floor + 1n;
  return { floor: Number(floor), ceil: Number(ceil) };
}

export function boundsOf(share: number, panelSize: number, slack: number): { min: number; max: number } {
  const t = targetSeats(share, panelSize);
  return { min: Math.max(0, t.floor - slack), max: Math.min(panelSize, t.ceil + slack) };
}
