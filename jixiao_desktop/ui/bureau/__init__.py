"""The bureau window: collected forms, their summary and the 审核意见."""
