import { validateSiteConfig, type SiteConfigInput } from './lib/schema/site-config.ts';

/**
 * The owner's details. PLACEHOLDERS: replace the name, description and links with your own.
 * This object is validated when the site builds; a mistake fails the build with the field named.
 */
const siteConfig: SiteConfigInput = {
  name: 'Your Name',
  description: 'Placeholder description: the portfolio of a software engineer. Replace it in src/site.config.ts.',
  intro: 'Software engineer who builds streaming data infrastructure at scale.',
  jobTitle: 'Software Engineer',
  links: [
    { label: 'GitHub', href: 'https://github.com/your-username' },
    { label: 'LinkedIn', href: 'https://www.linkedin.com/in/your-username' },
    { label: 'Email', href: 'mailto:you@example.com' },
  ],
  // The header's links, in order (a page or a file in public/); left out, each group's index page and the blog.
  navigation: [
    { label: 'Work', href: '/work/' },
    { label: 'Blog', href: '/blog/' },
  ],
  lang: 'en',
  // Your own domain, if GitHub Pages serves the site on one (see docs/deploy.md):
  // domain: 'jane.dev',
};

export default validateSiteConfig(siteConfig);
