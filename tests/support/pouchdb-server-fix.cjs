// Preloaded into pouchdb-server by couch-server.ts. Its validate_doc_update (pouchdb-validation) replaces a
// document's _revisions by those of the revision it updates, to show them to the validation function: a replicated
// update (new_edits: false, which carries its own history) then names a revision the server already has, and is
// dropped without an error. CouchDB 3 stores it. The document's own history is given back after validation.
'use strict';
const path = require.resolve('pouchdb-bulkdocs-wrapper');
const createBulkDocsWrapper = require(path);
require.cache[path].exports = (handler) =>
  createBulkDocsWrapper((doc, args) => {
    const own = doc._revisions;
    return handler(doc, args).then((result) => {
      if (own) doc._revisions = own;
      return result;
    });
  });
