module.exports = { ...require('../../jest.preset.js'), displayName: 'local-run', rootDir: __dirname };
