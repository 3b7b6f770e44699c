import { IsOptional, Matches } from 'class-validator';
import { PageLimitQueryDto } from './page-limit.query.dto';

/**
 * The cursor parameters of every list that can grow (Stripe's): `limit` items after the item whose id is
 * `starting_after`. A malformed cursor is a 400; lists whose items are documents page in id order, so a
 * well-formed id of no item (another tenant's included) simply answers the items after it, never theirs.
 */
export class CursorPageQueryDto extends PageLimitQueryDto {
  /** The id of the last item of the previous page. */
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, { message: 'starting_after must be the id of an item of this list' })
  starting_after?: string;
}
