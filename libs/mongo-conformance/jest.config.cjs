module.exports = { ...require('../../jest.preset.js'), displayName: 'mongo-conformance', rootDir: __dirname };
