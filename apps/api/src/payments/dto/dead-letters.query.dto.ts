import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageLimitQueryDto } from '../../pagination/page-limit.query.dto';

export class DeadLettersQueryDto extends PageLimitQueryDto {
  /** The job id of the last dead letter of the previous page (BullMQ job ids are strings, not ObjectIds). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  starting_after?: string;
}
