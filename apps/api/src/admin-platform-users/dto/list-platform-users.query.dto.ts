import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListPlatformUsersQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The id of the last operator of the previous page. */
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, { message: 'starting_after must be a platform user id' })
  starting_after?: string;
}
