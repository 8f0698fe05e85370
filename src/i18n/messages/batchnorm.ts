// Strings of the batchnorm panel.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'batchnorm.title': 'batchnorm',
  },
  ko: {
    'batchnorm.title': 'batchnorm',
  },
});
