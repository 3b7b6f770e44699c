module.exports = { ...require('../../jest.preset.js'), displayName: 'local-services', rootDir: __dirname };
