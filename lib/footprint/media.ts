import { range, type Range, scale, span } from './range';
import type { SourceId } from './sources';

/**
 * Energy per generated image or video clip, by model family. The stored event
 * has no resolution today, so images are priced at their family's reference
 * size; `resolutionFactor` is ready for when a site reports width and height.
 * Measured image models differ by up to 46x (Bertazzini et al. 2025, "The
 * Hidden Cost of an Image", 17 open models): the ranges below are wide on purpose.
 */
export interface MediaFamily {
  readonly id: MediaFamilyId;
  readonly kind: 'image' | 'video';
  /** IT energy per image or clip at the reference size (Wh, before PUE). */
  readonly whPerItem: Range;
  /** Pixels per image the figures were measured at; null for video (priced per clip). */
  readonly referencePixels: number | null;
  readonly sources: readonly SourceId[];
  readonly note: string;
}

export const MEDIA_FAMILY_IDS = ['diffusion', 'diffusion-small', 'multimodal-llm', 'video'] as const;
export type MediaFamilyId = (typeof MEDIA_FAMILY_IDS)[number];

const ONE_MEGAPIXEL = 1024 * 1024;

export const MEDIA_FAMILIES: Readonly<Record<MediaFamilyId, MediaFamily>> = {
  diffusion: {
    id: 'diffusion',
    kind: 'image',
    // central: Luccioni et al. (2024) median, 1.35 Wh per image over the
    // image-generation models they measured (A100, unbatched; mean 2.9 Wh).
    // high: the worst model they measured, stable-diffusion-xl-base-1.0 at
    // 11.49 Wh (11.49 kWh per 1,000 images), so that SDXL's own measurement
    // is inside and an undisclosed model may be as costly as the costliest
    // measured one (Bertazzini et al. 2025 measured models up to 46x apart).
    // low: MIT Technology Review's 0.63 Wh for SD3-Medium at 1024 px (2025),
    // halved for the batching commercial services use; the halving is our
    // assumption [I].
    whPerItem: range(0.3, 1.35, 11.49),
    referencePixels: ONE_MEGAPIXEL,
    sources: ['luccioni2024', 'mitTechReview2025', 'bertazzini2025', 'frugalAssumption'],
    note: 'Latent diffusion models (Midjourney, DALL-E 3, Imagen, Firefly, Ideogram, Flux, Leonardo, SDXL, MAI-Image-1).',
  },
  'diffusion-small': {
    id: 'diffusion-small',
    kind: 'image',
    // central: MIT Technology Review (2025), SD3-Medium (2B) 1024 px image
    // 0.63 Wh; high: Luccioni's median over models (1.35 Wh). low 0.1 Wh is
    // our assumption [I] for distilled few-step models (SD-Turbo runs 1-4
    // denoising steps where SD3-Medium runs about 28): about a sixth of
    // SD3-Medium's figure, since no distilled model's energy is published.
    whPerItem: range(0.1, 0.63, 1.35),
    referencePixels: ONE_MEGAPIXEL,
    sources: ['mitTechReview2025', 'luccioni2024', 'frugalAssumption'],
    note: 'Small or distilled diffusion models (Stable Diffusion 1.x-3 Medium, turbo variants).',
  },
  'multimodal-llm': {
    id: 'multimodal-llm',
    kind: 'image',
    // No measurement is published for images drawn token by token by a large
    // multimodal transformer. Central: Luccioni's median; high: the worst
    // image Luccioni et al. measured (SDXL, 11.49 Wh), since these models
    // are frontier-sized; low: the diffusion family's low (0.3 Wh) [I].
    whPerItem: range(0.3, 1.35, 11.49),
    referencePixels: ONE_MEGAPIXEL,
    sources: ['luccioni2024', 'frugalAssumption'],
    note: 'Images generated natively by a multimodal LLM (GPT image models, Gemini image, Grok Aurora).',
  },
  video: {
    id: 'video',
    kind: 'video',
    // high: MIT Technology Review (2025) measured ~944 Wh for a 5-second
    // clip from an open model, rounded up to 1,000 Wh; no commercial
    // provider publishes a figure. low 20 Wh: the bottom of the ~20 to
    // >1,000 Wh span in our research notes, for short low-resolution clips
    // from smaller models; it has no single source and is our assumption [I].
    // Central: geometric mean of the span.
    whPerItem: span(20, 1000),
    referencePixels: null,
    sources: ['mitTechReview2025', 'frugalAssumption'],
    note: 'Text-to-video, per clip of a few seconds (Sora, Veo, Kling, Midjourney video).',
  },
};

/**
 * Diffusion cost grows about linearly with the number of latent pixels; we
 * use that (exponent 1) until a site reports sizes and a measurement says
 * otherwise. Doubling both sides is then 4x, at the top of the 1.3-4.7x
 * Bertazzini et al. (2025) measured for that step: never an understatement.
 */
export function resolutionFactor(family: MediaFamily, pixels: number | undefined): number {
  if (family.referencePixels === null || pixels === undefined || !Number.isFinite(pixels) || pixels <= 0) return 1;
  return pixels / family.referencePixels;
}

export function whPerItem(family: MediaFamily, pixels?: number): Range {
  return scale(family.whPerItem, resolutionFactor(family, pixels));
}
