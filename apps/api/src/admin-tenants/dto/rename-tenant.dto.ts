import { IsString, Length, Matches } from 'class-validator';

export class RenameTenantDto {
  /** The display name; stored trimmed, so a blank one is refused here rather than by the schema. */
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}
