/**
 * Every publication a constant in lib/footprint comes from. Tables refer to
 * these ids so that each number can be traced; METHODOLOGY.md lists them too.
 */
export interface Source {
  readonly title: string;
  readonly author: string;
  readonly year: number;
  readonly url?: string;
}

export const SOURCES = {
  ecologits: {
    title: 'EcoLogits methodology: environmental impacts of LLM inference (H100 / ML.ENERGY fit)',
    author: 'GenAI Impact',
    year: 2025,
    url: 'https://github.com/genai-impact/ecologits',
  },
  ecologitsModels: {
    title: 'EcoLogits model registry: total and active parameter estimates for proprietary models',
    author: 'GenAI Impact',
    year: 2025,
    url: 'https://github.com/genai-impact/ecologits',
  },
  ecologitsProviders: {
    title: 'EcoLogits provider data centres: location, PUE and on-site WUE per provider',
    author: 'GenAI Impact',
    year: 2025,
    url: 'https://github.com/genai-impact/ecologits',
  },
  ecologitsWater: {
    title: 'EcoLogits electricity water factors per country (WRI method), electricity_wue_list.csv',
    author: 'GenAI Impact',
    year: 2025,
    url: 'https://github.com/genai-impact/ecologits',
  },
  owidEmber: {
    title: 'Carbon intensity of electricity generation (life-cycle), 2025 update',
    author: 'Our World in Data, from Ember',
    year: 2025,
    url: 'https://ourworldindata.org/grapher/carbon-intensity-electricity',
  },
  ember: {
    title: 'Global Electricity Review 2025',
    author: 'Ember',
    year: 2025,
    url: 'https://ember-energy.org/latest-insights/global-electricity-review-2025/',
  },
  google2025: {
    title: 'Measuring the environmental impact of delivering AI at Google scale (Gemini Apps, May 2025)',
    author: 'Elsner et al., Google',
    year: 2025,
  },
  openai2025: {
    title: 'The Gentle Singularity (average ChatGPT query energy and water)',
    author: 'Sam Altman, OpenAI',
    year: 2025,
    url: 'https://blog.samaltman.com/the-gentle-singularity',
  },
  epoch2025: {
    title: 'How much energy does ChatGPT use?',
    author: 'Josh You, Epoch AI',
    year: 2025,
    url: 'https://epoch.ai/gradient-updates/how-much-energy-does-chatgpt-use',
  },
  mistral2025: {
    title: 'Our contribution to a global environmental standard for AI (Mistral Large 2 life-cycle analysis)',
    author: 'Mistral AI, Carbone 4, ADEME',
    year: 2025,
    url: 'https://mistral.ai/news/our-contribution-to-a-global-environmental-standard-for-ai',
  },
  luccioni2024: {
    title: 'Power Hungry Processing: Watts Driving the Cost of AI Deployment? (FAccT 2024)',
    author: 'Luccioni, Jernite, Strubell',
    year: 2024,
    url: 'https://arxiv.org/abs/2311.16863',
  },
  bertazzini2025: {
    title: 'The Hidden Cost of an Image: Quantifying the Energy Consumption of AI Image Generation (17 open models; up to 46x apart)',
    author: 'Bertazzini et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2506.17016',
  },
  mlEnergy2025: {
    title: 'ML.ENERGY Leaderboard v3 (vLLM on H100/B200; chat and reasoning tasks)',
    author: 'Chung et al., ML.ENERGY',
    year: 2025,
    url: 'https://ml.energy/leaderboard',
  },
  mitTechReview2025: {
    title: "We did the math on AI's energy footprint",
    author: "O'Donnell and Crownhart, MIT Technology Review",
    year: 2025,
    url: 'https://www.technologyreview.com/2025/05/20/1116327/ai-energy-usage-climate-footprint-big-tech/',
  },
  deVries2023: {
    title: 'The growing energy footprint of artificial intelligence (Joule)',
    author: 'Alex de Vries',
    year: 2023,
    url: 'https://doi.org/10.1016/j.joule.2023.09.004',
  },
  google2009: {
    title: 'Powering a Google search',
    author: 'Urs Hölzle, Google',
    year: 2009,
    url: 'https://googleblog.blogspot.com/2009/01/powering-google-search.html',
  },
  vanderbauwhede2023: {
    title: 'Estimating the energy of a web search, updated from Google 2009 for current hardware',
    author: 'Wim Vanderbauwhede',
    year: 2023,
  },
  vanderbauwhede2025: {
    title: 'Frugal computing interview (claims reviewed in METHODOLOGY.md)',
    author: 'Wim Vanderbauwhede',
    year: 2025,
  },
  providerReports: {
    title: 'Provider sustainability reports: PUE (Google 1.09-1.10, Microsoft FY25 1.17, AWS 1.14-1.15) and WUE',
    author: 'Google, Microsoft, Amazon',
    year: 2025,
  },
  li2025: {
    title: 'Making AI Less "Thirsty": on-site and off-site water of AI (water = E x (WUE_site/PUE + WUE_offsite))',
    author: 'Li, Yang, Islam, Ren',
    year: 2025,
    url: 'https://arxiv.org/abs/2304.03271',
  },
  epaEquivalencies: {
    title: 'Greenhouse Gas Equivalencies Calculator: calculations and references (2024 revision)',
    author: 'US Environmental Protection Agency',
    year: 2024,
    url: 'https://www.epa.gov/energy/greenhouse-gas-equivalencies-calculator-calculations-and-references',
  },
  epaWaterSense: {
    title: 'WaterSense showerheads: an average shower uses 17.2 gallons (65 litres)',
    author: 'US Environmental Protection Agency',
    year: 2024,
    url: 'https://www.epa.gov/watersense/showerheads',
  },
  doeLed: {
    title: 'LED lighting: LEDs use at least 75% less energy than incandescent bulbs',
    author: 'US Department of Energy, Energy Saver',
    year: 2024,
    url: 'https://www.energy.gov/energysaver/led-lighting',
  },
  waterHeat: {
    title: 'Specific heat of liquid water, 4.18 J/(g·K) (physical constant)',
    author: 'physics',
    year: 2024,
  },
  deepseek2024: {
    title: 'DeepSeek-V3 Technical Report (671B total, 37B active; R1 shares the architecture)',
    author: 'DeepSeek-AI',
    year: 2024,
    url: 'https://arxiv.org/abs/2412.19437',
  },
  llama2024: {
    title: 'The Llama 3 herd of models (8B, 70B, 405B dense)',
    author: 'Meta',
    year: 2024,
    url: 'https://arxiv.org/abs/2407.21783',
  },
  llama2025: {
    title: 'The Llama 4 herd (Maverick ~400B / 17B active, Scout ~109B / 17B active)',
    author: 'Meta',
    year: 2025,
    url: 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/',
  },
  grok2024: {
    title: 'Open release of Grok-1 (314B mixture of experts, 25% of weights active per token)',
    author: 'xAI',
    year: 2024,
    url: 'https://x.ai/news/grok-os',
  },
  kimi2025: {
    title: 'Kimi K2 (1T total, 32B active parameters)',
    author: 'Moonshot AI',
    year: 2025,
    url: 'https://github.com/MoonshotAI/Kimi-K2',
  },
  cohere2025: {
    title: 'Command A: an enterprise-ready large language model (111B dense)',
    author: 'Cohere',
    year: 2025,
  },
  mistralModels2025: {
    title: 'Mistral model cards: Large 2 (123B dense), Small 3 (23.6B dense)',
    author: 'Mistral AI',
    year: 2025,
    url: 'https://docs.mistral.ai/getting-started/models/',
  },
  perplexitySonar2025: {
    title: 'Meet new Sonar (built on Llama 3.3 70B)',
    author: 'Perplexity',
    year: 2025,
  },
  geminiWebIds2025: {
    title: 'Gemini web model ids sent in the x-goog-ext-525001261-jspb header (Gemini-API constants)',
    author: 'HanaokaYuzu/Gemini-API and forks',
    year: 2025,
    url: 'https://github.com/HanaokaYuzu/Gemini-API',
  },
  perplexityIds2026: {
    title: 'Perplexity model_preference values per mode (perplexity-ai config)',
    author: 'helallao/perplexity-ai',
    year: 2026,
    url: 'https://github.com/helallao/perplexity-ai',
  },
  leonardoModels2026: {
    title: 'Leonardo API guides: platform model UUIDs (Phoenix, Lucid Origin and Realism, FLUX Dev and Schnell)',
    author: 'Leonardo.Ai',
    year: 2026,
    url: 'https://docs.leonardo.ai/docs/commonly-used-api-values',
  },
  gptOss2025: {
    title: 'gpt-oss-120b and gpt-oss-20b model card (117B total / 5.1B active; 21B / 3.6B)',
    author: 'OpenAI',
    year: 2025,
    url: 'https://openai.com/index/gpt-oss-model-card/',
  },
  gpt45Launch2025: {
    title: 'Introducing GPT-4.5 (research preview, February 2025; its largest chat model, size not disclosed)',
    author: 'OpenAI',
    year: 2025,
    url: 'https://openai.com/index/introducing-gpt-4-5/',
  },
  apiPrices2025: {
    title:
      'API price lists per million tokens, input / output: GPT-4o $2.50 / $10, GPT-4.1 $2 / $8, GPT-5 $1.25 / $10; Claude Sonnet 4 $3 / $15; Gemini 2.5 Pro $1.25 / $10',
    author: 'OpenAI, Anthropic, Google',
    year: 2025,
  },
  petrov2023: {
    title: 'Language Model Tokenizers Introduce Unfairness Between Languages (NeurIPS 2023; up to 15x more tokens for the same text)',
    author: 'Petrov, La Malfa, Torr, Bibi',
    year: 2023,
    url: 'https://arxiv.org/abs/2305.15425',
  },
  modelName: {
    title: "Parameter count stated in the model's own published name (e.g. 70b, 235b-a22b)",
    author: 'model publishers',
    year: 2025,
  },
  frugalAssumption: {
    title: 'Frugal assumption, reasoned in METHODOLOGY.md (no published figure)',
    author: 'Frugal',
    year: 2026,
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
