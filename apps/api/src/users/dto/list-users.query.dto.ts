import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListUsersQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The id of the last user of the previous page. */
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, { message: 'starting_after must be a user id' })
  starting_after?: string;
}
