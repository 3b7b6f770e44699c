import { contrastRatio, readableTextColor } from '../../branding/readable-text-color';

/** Under this, a brand colour drawing buttons and bars is hard to see (WCAG 1.4.11), as the API warns. */
const NON_TEXT_CONTRAST = 3;
const PAGE_BACKGROUND = '#ffffff';

/**
 * The colours being edited as staff will see them: the bar in the primary colour, a card in the secondary one,
 * each with the text colour the API will choose. Painted through the CSSOM (the CSP forbids style attributes).
 */
export function BrandingPreview(props: {
  readonly displayName: string;
  readonly primaryColor: string;
  readonly secondaryColor: string;
}) {
  const paint = (element: HTMLElement | null, background: string) => {
    if (element === null) return;
    element.style.setProperty('background-color', background);
    element.style.setProperty('color', readableTextColor(background));
  };
  const onPage = contrastRatio(props.primaryColor, PAGE_BACKGROUND);
  const onCard = contrastRatio(props.primaryColor, props.secondaryColor);
  return (
    <section class="card" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <div class="branding-preview" data-testid="branding-preview">
        <p class="preview-bar" ref={(element) => paint(element, props.primaryColor)}>
          {props.displayName}
        </p>
        <div class="preview-card" ref={(element) => paint(element, props.secondaryColor)}>
          <p>Cards and their text in your secondary colour.</p>
          <span class="preview-button" ref={(element) => paint(element, props.primaryColor)}>
            A button
          </span>
        </div>
      </div>
      <p>
        Text is always readable: black or white, whichever contrasts more (
        {contrastRatio(props.primaryColor, readableTextColor(props.primaryColor))}:1 on the primary colour,{' '}
        {contrastRatio(props.secondaryColor, readableTextColor(props.secondaryColor))}:1 on the secondary;
        4.5:1 is required).
      </p>
      {onPage < NON_TEXT_CONTRAST && (
        <p class="warning">
          The primary colour reaches {onPage}:1 against the white page: buttons and the header bar need{' '}
          {NON_TEXT_CONTRAST}:1 to stand out.
        </p>
      )}
      {onCard < NON_TEXT_CONTRAST && (
        <p class="warning">
          The primary colour reaches {onCard}:1 against the secondary colour: buttons on cards need{' '}
          {NON_TEXT_CONTRAST}
          :1 to stand out.
        </p>
      )}
    </section>
  );
}
