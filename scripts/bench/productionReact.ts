// Imported first by the benchmark: React picks its build when first loaded,
// and the app's bundles print packs with the production one (the development
// build checks every element and renders several times slower), so the
// benchmark's export must too, or it times checks no user runs.
process.env.NODE_ENV ??= 'production';
