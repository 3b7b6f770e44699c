import { IsString, Length } from 'class-validator';

export class AddDomainDto {
  /** Checked against the base domain and DNS rules by the service. */
  @IsString()
  @Length(1, 253)
  hostname!: string;
}
