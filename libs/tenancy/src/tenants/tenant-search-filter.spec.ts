import fc from 'fast-check';
import { tenantSearchFilter } from './tenant-search-filter';

describe('tenantSearchFilter', () => {
  const patterns = (search: string) => {
    const filter = tenantSearchFilter(search) as {
      $or: [{ slug: { $regex: string } }, { name: { $regex: string; $options: string } }];
    };
    return { slug: new RegExp(filter.$or[0].slug.$regex), name: new RegExp(filter.$or[1].name.$regex, 'i') };
  };

  it('matches a slug from its start and a name anywhere, in any case', () => {
    const { slug, name } = patterns(' North ');
    expect(slug.test('northwind')).toBe(true);
    expect(slug.test('the-north')).toBe(false);
    expect(name.test('Bank of the NORTH')).toBe(true);
  });

  it('treats every character literally', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (search) => {
        const { name } = patterns(search);
        expect(name.test(`prefix ${search.trim()} suffix`)).toBe(true);
      }),
    );
    expect(patterns('.*').name.test('Bank')).toBe(false);
  });
});
