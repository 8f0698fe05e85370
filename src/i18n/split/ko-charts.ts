// Replaced in the build by the i18n-split plugin (scripts/vite-i18n-split.ts) with the ko strings of the 'charts' part.
import { half } from './half.ts';

export default half('ko', 'charts');
