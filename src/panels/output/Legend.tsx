// Legend of the point markers: class by colour and shape, split by filled vs hollow.
import { markerPath, markerStyle, classShape } from './markers.ts';

function Swatch({ k, test }: { k: number; test: boolean }) {
  const s = markerStyle(k, test);
  return (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" className="output-swatch">
      <path d={markerPath(classShape(k), 5)} fill={s.fill} stroke={s.stroke} strokeWidth={s.lineWidth} />
    </svg>
  );
}

export function Legend({ classes, classLabel, trainText, testText, lineText }: {
  classes: number;
  classLabel: (k: number) => string;
  trainText: string;
  testText: string;
  lineText: string;
}) {
  return (
    <ul className="output-legend">
      {Array.from({ length: classes }, (_, k) => (
        <li key={k}>
          <Swatch k={k} test={false} />
          <Swatch k={k} test />
          {classLabel(k)}
        </li>
      ))}
      <li>{trainText}</li>
      <li>{testText}</li>
      <li>{lineText}</li>
    </ul>
  );
}
