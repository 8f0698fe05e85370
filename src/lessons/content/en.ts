// The lessons in English. Plain, short prose; numbers quoted in answers were measured with the engine
// on the step's own setup (seed 1 unless a range of seeds is given).
import type { LessonsText } from '../structure.ts';
import { overfitting } from './en/overfitting.ts';
import { dropout } from './en/dropout.ts';
import { batchnorm } from './en/batchnorm.ts';
import { compare } from './en/compare.ts';
import { both } from './en/both.ts';
import { where } from './en/where.ts';
import { code } from './en/code.ts';
import { faq } from './en/faq.ts';
import { conclusion } from './en/conclusion.ts';

const en: LessonsText = {
  lessons: {
    overfitting: { title: 'Overfitting and regularization', summary: 'Why a network that fits its training data perfectly can still do badly.' },
    dropout: { title: 'Dropout', summary: 'Switching units off at random while training, and scaling it correctly.' },
    batchnorm: { title: 'Batch normalization', summary: 'Normalizing each feature over the batch: the three steps, the running statistics, and what it really helps with.' },
    compare: { title: 'Dropout vs batch normalization', summary: 'Four runs side by side, and a table filled with your own measurements.' },
    both: { title: 'Using both', summary: 'Why dropout before BN can hurt: the variance shift.' },
    where: { title: 'Where they are used', summary: 'CNNs, Transformers, and layer normalization.' },
    code: { title: 'In code', summary: 'Your model in PyTorch and Keras, and the differences that matter.' },
    faq: { title: 'Three frequent questions', summary: 'Training only? At inference? Together?' },
    conclusion: { title: 'Conclusion', summary: 'What each switch does, predicted before you press Play.' },
  },
  steps: { ...overfitting, ...dropout, ...batchnorm, ...compare, ...both, ...where, ...code, ...faq, ...conclusion },
};

export default en;
