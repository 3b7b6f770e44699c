import { useEffect, useState } from 'preact/hooks';

/** Light modules around the code, as the QR standard asks, so a camera finds its edges on any background. */
const QUIET_ZONE = 4;

/**
 * `value` drawn as a QR code in SVG (one path of unit squares, scaled by CSS), for a phone's camera. The encoder
 * (`uqr`) is loaded only when a code is shown, so it stays out of the consoles' first load; until then, or if it
 * cannot load, nothing is drawn and the screen's text beside it is the way in.
 */
export function QrCode(props: { readonly value: string; readonly label: string }) {
  const [modules, setModules] = useState<boolean[][] | null>(null);

  useEffect(() => {
    let shown = true;
    setModules(null);
    import('uqr')
      .then(({ encode }) => shown && setModules(encode(props.value, { border: 0 }).data))
      // A chunk that failed to load leaves the typed-in key, which the screen always shows.
      .catch(() => undefined);
    return () => {
      shown = false;
    };
  }, [props.value]);

  if (modules === null) return null;
  const side = modules.length + 2 * QUIET_ZONE;
  const darkSquares = modules
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
    .join('');
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      shape-rendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={darkSquares} fill="#000" />
    </svg>
  );
}
