import { IsInt, IsOptional, IsString, MetadataStorage, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './memoize-validation-metadata';

class Parent {
  @IsString()
  name!: string;
}

class Child extends Parent {
  @IsOptional()
  @IsInt()
  count?: number;
}

describe('memoizeValidationMetadata', () => {
  // The process's storage, as the validation pipe memoizes it (class-validator keeps one, in a global).
  memoizeValidationMetadata();

  it('looks a class’s rules up once: later lookups share the first answer, without a scan', () => {
    const storage = new MetadataStorage();
    const rule = { target: Parent, propertyName: 'name', type: 'isString' } as never;
    storage.addValidationMetadata(rule);
    memoizeValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Parent, '', false, false);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(first).toEqual([rule]);
  });

  it('sees a rule added after a class’s first lookup', () => {
    const storage = new MetadataStorage();
    memoizeValidationMetadata(storage);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false)).toEqual([]);
    const late = { target: Parent, propertyName: 'late', type: 'isString' } as never;
    storage.addValidationMetadata(late);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false)).toEqual([late]);
  });

  it('validates as before: inherited rules, optional fields and unknown properties', () => {
    const child = Object.assign(new Child(), { name: 42, count: 'x' });
    const errors = validateSync(child, { whitelist: true, forbidNonWhitelisted: true });
    expect(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})])).toEqual([
      ['count', ['isInt']],
      ['name', ['isString']],
    ]);
    const extra = Object.assign(new Child(), { name: 'a', unknown: 1 });
    expect(
      validateSync(extra, { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property),
    ).toEqual(['unknown']);
  });

  it('passes lookups with validation groups through, unmemoized', () => {
    const storage = new MetadataStorage();
    memoizeValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Parent, '', false, false, ['admin']);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false, ['admin'])).not.toBe(first);
  });
});
