import { IsString, Matches } from 'class-validator';

export class MovePlacementDto {
  /** The placement to move the tenant's data to: `shared` or a name configured in MONGODB_PLACEMENTS. */
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { message: 'placement must be a placement name' })
  placement!: string;
}
