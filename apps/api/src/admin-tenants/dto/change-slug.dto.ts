import { IsString, Length } from 'class-validator';

export class ChangeSlugDto {
  @IsString()
  @Length(1, 63)
  slug!: string;
}
