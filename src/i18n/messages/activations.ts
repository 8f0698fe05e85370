// Strings of the activations panel.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'activations.title': 'activations',
  },
  ko: {
    'activations.title': 'activations',
  },
});
