import { type ListPage, paginate } from './paginate';

type Item = { id: string };

/** A collection of `count` items served in pages of `size`, recording the cursors asked for. */
function collection(count: number, size: number) {
  const items = Array.from({ length: count }, (_, index) => ({ id: `p${index}` }));
  const cursors: Array<string | undefined> = [];
  const fetchPage = async (startingAfter: string | undefined): Promise<ListPage<Item>> => {
    cursors.push(startingAfter);
    const start = startingAfter === undefined ? 0 : items.findIndex((item) => item.id === startingAfter) + 1;
    return { data: items.slice(start, start + size), has_more: start + size < items.length };
  };
  return { items, cursors, fetchPage };
}

async function all(iterable: AsyncIterable<Item>): Promise<Item[]> {
  const seen: Item[] = [];
  for await (const item of iterable) seen.push(item);
  return seen;
}

describe('paginate', () => {
  it('yields every item once, in order, asking each page after the last id', async () => {
    const { items, cursors, fetchPage } = collection(7, 3);
    expect(await all(paginate(fetchPage))).toEqual(items);
    expect(cursors).toEqual([undefined, 'p2', 'p5']);
  });

  it('asks one page of an empty collection', async () => {
    const { cursors, fetchPage } = collection(0, 3);
    expect(await all(paginate(fetchPage))).toEqual([]);
    expect(cursors).toEqual([undefined]);
  });

  it('fetches no further page than the loop consumes', async () => {
    const { cursors, fetchPage } = collection(10, 2);
    for await (const item of paginate(fetchPage)) if (item.id === 'p1') break;
    expect(cursors).toEqual([undefined]);
  });

  it('stops on an empty page that claims has_more', async () => {
    const fetchPage = jest.fn(async () => ({ data: [], has_more: true }));
    expect(await all(paginate(fetchPage))).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
