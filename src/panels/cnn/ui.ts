// The CNN's parts of the first-screen panels (its controls, its network drawing), one lazy chunk
// loaded when the CNN is chosen.
export { ConvSection } from './ConvSection.tsx';
export { FeatureMapsPanel } from './FeatureMapsPanel.tsx';
