print("loading package", __name__)
