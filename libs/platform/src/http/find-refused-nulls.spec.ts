import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { findRefusedNulls } from './find-refused-nulls';

class LimitsDto {
  @IsOptional()
  @IsInt()
  maxUsers?: number;

  // Null means "clear the override": the field says so with its own condition.
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  apiRequestsPerMinute?: number | null;
}

class TenantDto {
  @IsString()
  name!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LimitsDto)
  limits?: LimitsDto;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => LimitsDto)
  history?: LimitsDto[];
}

const refusedFields = (plain: object): string[] =>
  findRefusedNulls(plainToInstance(TenantDto, plain)).map((error) => error.property);

describe('findRefusedNulls', () => {
  it('refuses null in a field that is optional only by @IsOptional()', () => {
    expect(refusedFields({ name: 'a', limits: null })).toEqual(['limits']);
  });

  it('leaves null alone where the field declares its own @ValidateIf', () => {
    expect(refusedFields({ name: 'a', limits: { apiRequestsPerMinute: null } })).toEqual([]);
  });

  it('finds null in nested DTOs and in arrays of them, with the path to it', () => {
    const errors = findRefusedNulls(
      plainToInstance(TenantDto, {
        name: 'a',
        limits: { maxUsers: null },
        history: [{}, { maxUsers: null }],
      }),
    );
    expect(errors.map((error) => error.property)).toEqual(['limits', 'history']);
    expect(errors[0]?.children?.[0]?.property).toBe('maxUsers');
    expect(errors[1]?.children?.[0]?.property).toBe('1');
    expect(errors[1]?.children?.[0]?.children?.[0]?.constraints).toHaveProperty('isNotNull');
  });

  it('accepts absent fields and values', () => {
    expect(refusedFields({ name: 'a' })).toEqual([]);
    expect(refusedFields({ name: 'a', limits: { maxUsers: 3 } })).toEqual([]);
  });

  it('answers the same for a class read before (its fields are kept per class)', () => {
    const first = refusedFields({ name: 'a', limits: null });
    expect(refusedFields({ name: 'a', limits: null })).toEqual(first);
    expect(refusedFields({ name: 'a', limits: {} })).toEqual([]);
  });
});
