import { type ArgumentMetadata, type PipeTransform, type Type, ValidationPipe } from '@nestjs/common';
import { Expose, Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { ValidationException } from '../errors/validation.exception';
import { createValidationPipe } from './create-validation-pipe';

class PeriodQuery {
  @IsOptional()
  @IsString()
  period?: string;
}

class PageQuery {
  @IsOptional()
  @IsInt()
  @Max(100)
  limit = 20;
}

class RequiredQuery {
  @IsString()
  name!: string;
}

class FilledQuery {
  @Expose()
  @Transform(({ value }: { value: unknown }) => value ?? 'filled by the transformer')
  @IsString()
  source?: string;
}

const query = (metatype: Type<unknown>): ArgumentMetadata => ({ type: 'query', metatype, data: '' });
const emptyQuery = (): Record<string, never> => Object.create(null) as Record<string, never>;

describe('createValidationPipe: an empty input', () => {
  const pipe = createValidationPipe() as PipeTransform<unknown, unknown>;
  /** The answer of Nest's full path (class-transformer, then class-validator), as if no shortcut existed. */
  const fullPath = (value: unknown, metadata: ArgumentMetadata): Promise<unknown> =>
    (pipe as unknown as { dtoPipe: ValidationPipe }).dtoPipe.transform(value, metadata);

  it('answers an empty query at once with a new DTO, equal to what the full path builds', async () => {
    const answer = pipe.transform(emptyQuery(), query(PeriodQuery));
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toBeInstanceOf(PeriodQuery);
    expect(answer).toEqual(await fullPath(emptyQuery(), query(PeriodQuery)));
    expect(pipe.transform({}, query(PeriodQuery))).not.toBe(answer);
  });

  it('keeps the defaults the DTO declares', async () => {
    const answer = pipe.transform({}, query(PageQuery));
    expect(answer).toEqual(Object.assign(new PageQuery(), { limit: 20 }));
    expect(answer).toEqual(await fullPath({}, query(PageQuery)));
  });

  it('still refuses an empty input that misses a required field, every time', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1)
      await expect(pipe.transform({}, query(RequiredQuery))).rejects.toBeInstanceOf(ValidationException);
  });

  it('takes the full path for a DTO whose transformer fills a missing field', async () => {
    const answer = await pipe.transform({}, query(FilledQuery));
    expect(answer).toEqual(Object.assign(new FilledQuery(), { source: 'filled by the transformer' }));
  });

  it('takes the full path for input with any key, an array, a symbol key or a class instance', async () => {
    await expect(pipe.transform({ unknown: '1' }, query(PeriodQuery))).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(pipe.transform({ limit: '500' }, query(PageQuery))).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(pipe.transform([], query(PeriodQuery))).rejects.toBeInstanceOf(ValidationException);
    for (const value of [{ [Symbol('key')]: 1 }, new Map()]) {
      const answer = pipe.transform(value, query(PeriodQuery));
      expect(answer).toBeInstanceOf(Promise);
      await (answer as Promise<unknown>).catch(() => undefined);
    }
  });

  it('leaves values it does not validate (a string parameter) to the full path', async () => {
    await expect(pipe.transform('abc', { type: 'param', metatype: String, data: 'id' })).resolves.toBe('abc');
  });
});
