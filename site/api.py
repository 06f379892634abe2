"""The read-only headless API (Wagtail API v2) under /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter

from home.api import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet

# The name must be "wagtailapi_v2": the frontend cache purges by reversing it.
api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
