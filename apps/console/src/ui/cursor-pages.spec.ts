import { currentCursor, FIRST_PAGE, hasPreviousPage, nextPage, previousPage } from './cursor-pages';

describe('cursor pages', () => {
  it('starts with no cursor and nothing before it', () => {
    expect(currentCursor(FIRST_PAGE)).toBeUndefined();
    expect(hasPreviousPage(FIRST_PAGE)).toBe(false);
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });

  it('starts each next page after the last id of the page before, and goes back to exactly the pages seen', () => {
    const second = nextPage(FIRST_PAGE, 'pay_10');
    const third = nextPage(second, 'pay_20');
    expect(currentCursor(third)).toBe('pay_20');
    expect(hasPreviousPage(third)).toBe(true);
    expect(currentCursor(previousPage(third))).toBe('pay_10');
    expect(currentCursor(previousPage(previousPage(third)))).toBeUndefined();
    expect(hasPreviousPage(previousPage(previousPage(third)))).toBe(false);
  });
});
