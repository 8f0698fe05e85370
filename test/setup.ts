// Every test file: Testing Library's findBy/waitFor wait up to 10 s (default 1 s). Lazy panels and the
// lesson prose load as separate chunks, and with the experiments' long trainings sharing the machine's
// two cores, a chunk can take longer than a second to arrive; a condition that never comes true still fails.
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 10_000 });
