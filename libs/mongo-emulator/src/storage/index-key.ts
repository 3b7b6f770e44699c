import { compareBsonBinary, typeBracketOf, TypeBracket } from '../query/bson-order';

/**
 * One entry of an ordered index: the indexed values in key-pattern order, then the document's natural-order
 * sequence. The sequence makes every entry unique and orders documents with equal values the way a stable
 * sort over natural order does, so an index scan returns ties in the same order as a collection scan.
 */
export interface IndexKey {
  readonly values: readonly unknown[];
  readonly sequence: number;
}

/**
 * A value that sorts below or above every value of one type bracket, for range bounds that, like MongoDB's
 * range operators, stay inside their operand's type bracket (`{$gt: 5}` never reaches strings).
 */
export class BracketBound {
  constructor(
    readonly bracket: TypeBracket,
    /** -1: below the bracket's first value; 1: above its last. */
    readonly side: -1 | 1,
  ) {}

  static below(value: unknown): BracketBound {
    return new BracketBound(typeBracketOf(value), -1);
  }

  static above(value: unknown): BracketBound {
    return new BracketBound(typeBracketOf(value), 1);
  }
}

/**
 * Below or above every value of a key component whatever the field's direction: what fills the components
 * after the last bounded one, so a bound covers all their values (or, for an exclusive bound, none).
 */
export class KeyExtreme {
  private constructor(readonly side: -1 | 1) {}

  static readonly LOWEST = new KeyExtreme(-1);
  static readonly HIGHEST = new KeyExtreme(1);
}

/** BSON order extended with bracket bounds. */
export function compareBoundedValues(left: unknown, right: unknown): number {
  const leftBound = left instanceof BracketBound;
  const rightBound = right instanceof BracketBound;
  if (!leftBound && !rightBound) return compareBsonBinary(left, right);
  const leftBracket = leftBound ? left.bracket : typeBracketOf(left);
  const rightBracket = rightBound ? right.bracket : typeBracketOf(right);
  if (leftBracket !== rightBracket) return leftBracket < rightBracket ? -1 : 1;
  const leftSide = leftBound ? left.side : 0;
  const rightSide = rightBound ? right.side : 0;
  return Math.sign(leftSide - rightSide);
}

/** Orders index entries (and bounds) by each component in its field's direction, then by sequence. */
export function indexKeyComparator(
  directions: readonly (1 | -1)[],
): (left: IndexKey, right: IndexKey) => number {
  return (left, right) => {
    for (let position = 0; position < directions.length; position++) {
      const order = compareComponent(
        left.values[position],
        right.values[position],
        directions[position] as 1 | -1,
      );
      if (order !== 0) return order;
    }
    return left.sequence < right.sequence ? -1 : left.sequence > right.sequence ? 1 : 0;
  };
}

function compareComponent(left: unknown, right: unknown, direction: 1 | -1): number {
  if (left instanceof KeyExtreme || right instanceof KeyExtreme) {
    const leftSide = left instanceof KeyExtreme ? left.side : 0;
    const rightSide = right instanceof KeyExtreme ? right.side : 0;
    return Math.sign(leftSide - rightSide);
  }
  return compareBoundedValues(left, right) * direction;
}
